package io.flightdeck.assets.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.s3.S3Client;

/** Choosing the S3 store by configuration, and refusing to start on a configuration that cannot work. */
class S3BlobStoreConfigurationTests {

    @TempDir
    Path spool;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(S3BlobStoreConfiguration.class)
                .withPropertyValues("flightdeck.assets.s3.spool-dir=" + spool);
    }

    @Test
    void s3StorageWithABucketIsTheBlobStore() {
        runner().withPropertyValues("flightdeck.assets.storage=s3", "flightdeck.assets.s3.bucket=assets",
                        "flightdeck.assets.s3.endpoint=http://127.0.0.1:9000", "flightdeck.assets.s3.path-style=true",
                        "flightdeck.assets.s3.access-key=key", "flightdeck.assets.s3.secret-key=secret")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
                    assertThat(context.getBean(S3Client.class).serviceClientConfiguration().endpointOverride())
                            .hasValueSatisfying(uri -> assertThat(uri).hasToString("http://127.0.0.1:9000"));
                });
    }

    @Test
    void otherStorageLeavesS3Alone() {
        runner().run(context -> assertThat(context).doesNotHaveBean(S3BlobStore.class).doesNotHaveBean(S3Client.class));
        runner().withPropertyValues("flightdeck.assets.storage=local")
                .run(context -> assertThat(context).doesNotHaveBean(S3BlobStore.class));
    }

    @Test
    void s3StorageWithoutABucketOrWithHalfAKeyPairDoesNotStart() {
        runner().withPropertyValues("flightdeck.assets.storage=s3").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("flightdeck.assets.s3.bucket"));
        runner().withPropertyValues("flightdeck.assets.storage=s3", "flightdeck.assets.s3.bucket=assets",
                        "flightdeck.assets.s3.access-key=key")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("flightdeck.assets.s3.secret-key"));
    }
}
