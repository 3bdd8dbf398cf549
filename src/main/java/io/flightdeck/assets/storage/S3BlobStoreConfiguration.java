package io.flightdeck.assets.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@code flightdeck.assets.storage=s3}: the S3-compatible store, its client and its presigner (for signed URLs), both
 * from {@code flightdeck.assets.s3.*}, so a presigned URL names the same endpoint, region and addressing style.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "flightdeck.assets.storage", havingValue = "s3")
class S3BlobStoreConfiguration {

    @Bean(destroyMethod = "close")
    S3Client flightdeckAssetsS3Client(@Value("${flightdeck.assets.s3.endpoint:}") String endpoint,
            @Value("${flightdeck.assets.s3.region:us-east-1}") String region,
            @Value("${flightdeck.assets.s3.path-style:false}") boolean pathStyle,
            @Value("${flightdeck.assets.s3.access-key:}") String accessKey,
            @Value("${flightdeck.assets.s3.secret-key:}") String secretKey) {
        return client(endpoint, region, pathStyle, accessKey, secretKey);
    }

    @Bean(destroyMethod = "close")
    S3Presigner flightdeckAssetsS3Presigner(@Value("${flightdeck.assets.s3.endpoint:}") String endpoint,
            @Value("${flightdeck.assets.s3.region:us-east-1}") String region,
            @Value("${flightdeck.assets.s3.path-style:false}") boolean pathStyle,
            @Value("${flightdeck.assets.s3.access-key:}") String accessKey,
            @Value("${flightdeck.assets.s3.secret-key:}") String secretKey) {
        return presigner(endpoint, region, pathStyle, accessKey, secretKey);
    }

    @Bean
    S3BlobStore s3BlobStore(S3Client flightdeckAssetsS3Client, S3Presigner flightdeckAssetsS3Presigner,
            @Value("${flightdeck.assets.s3.bucket:}") String bucket, @Value("${flightdeck.assets.s3.spool-dir}") Path spool)
            throws IOException {
        if (bucket.isBlank()) {
            throw new IllegalStateException("flightdeck.assets.storage=s3 needs a bucket: set flightdeck.assets.s3.bucket "
                    + "(FLIGHTDECK_ASSETS_S3_BUCKET)");
        }
        return new S3BlobStore(flightdeckAssetsS3Client, flightdeckAssetsS3Presigner, bucket, spool);
    }

    /**
     * An endpoint points the client at R2, MinIO or another S3-compatible service; without one it talks to AWS.
     * Without an access key it takes AWS's default chain (environment, profile, instance or task role).
     */
    static S3Client client(String endpoint, String region, boolean pathStyle, String accessKey, String secretKey) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(credentials(accessKey, secretKey))
                .forcePathStyle(pathStyle)
                // checksums only where the API demands them: not every S3-compatible service accepts the SDK's
                // default trailing CRC checksums, and the content's SHA-256 is checked by its key anyway
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /**
     * Signs URLs for the bucket the {@link #client client} talks to. Signing happens here, offline; with role
     * credentials a URL stops working when those credentials expire, if that comes before its own expiry.
     */
    static S3Presigner presigner(String endpoint, String region, boolean pathStyle, String accessKey, String secretKey) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials(accessKey, secretKey))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
        if (accessKey.isBlank() != secretKey.isBlank()) {
            throw new IllegalStateException("Set both flightdeck.assets.s3.access-key and flightdeck.assets.s3.secret-key,"
                    + " or neither to use AWS's default credentials");
        }
        return accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
