import type { APIGatewayProxyHandler } from 'aws-lambda';

export const handler: APIGatewayProxyHandler = async () => ({ statusCode: 200, body: '' });
// an AWS Lambda handler, known by its type import
// ruleid: context-server
// ok: context-client, context-shared, context-unknown
marker();
