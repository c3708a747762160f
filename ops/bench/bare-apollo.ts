/**
 * The baseline for the tenant-query benchmark: the same HTTP stack (express 5 + Apollo
 * Server 5) answering `{ hello }` with nothing behind it.
 */
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

const port = Number(process.env.PORT ?? 4500);
const app = express();
const server = http.createServer(app);
const apollo = new ApolloServer({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } });
await apollo.start();
app.get('/healthz', (_request, response) => void response.json({ status: 'ok' }));
app.use('/graphql', express.json(), expressMiddleware(apollo));
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
