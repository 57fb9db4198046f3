export declare function getSecret(): string;
export declare function log(...args: unknown[]): void;
