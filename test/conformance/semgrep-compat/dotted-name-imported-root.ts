import { NestFactory } from '@nestjs/core';
const { JWT } = require('jose');
async function boot() {
  // ruleid: dotted-name-imported-root
  const app = await NestFactory.create(AppModule, {cors: true});
}
