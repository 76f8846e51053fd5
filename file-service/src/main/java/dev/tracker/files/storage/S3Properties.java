package dev.tracker.files.storage;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where files are stored ({@code tracker.files.s3.*}).
 *
 * @param endpoint the S3 endpoint (MinIO, S3Proxy, or AWS)
 * @param region the region
 * @param bucket the bucket; created on start if missing
 * @param accessKey the access key
 * @param secretKey the secret key
 * @param pathStyle whether to address buckets by path (MinIO, S3Proxy) rather than by
 * host name
 */
@ConfigurationProperties("tracker.files.s3")
public record S3Properties(URI endpoint, @DefaultValue("us-east-1") String region,
		@DefaultValue("tracker-files") String bucket, String accessKey, String secretKey,
		@DefaultValue("true") boolean pathStyle) {
}
