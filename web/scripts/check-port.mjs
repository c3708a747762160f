// remix-serve quietly moves to another port when PORT is taken, and the platform would
// then not be where the README says. Fail with a clear message instead.
import net from 'node:net';

const port = Number(process.env.PORT ?? 3000);
const server = net.createServer();
server.once('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`web: port ${port} is already in use. Stop the other process, or set PORT to another port.`);
    process.exit(1);
  }
  throw error;
});
server.listen(port, () => server.close());
