package dev.tracker.files.storage;

import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The bucket: stores a stream under a key, gives it back. */
@Component
public class ObjectStore implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ObjectStore.class);

	private final S3Client s3;

	private final String bucket;

	ObjectStore(S3Properties properties) {
		this.bucket = properties.bucket();
		this.s3 = S3Client.builder()
			.endpointOverride(properties.endpoint())
			.region(Region.of(properties.region()))
			.forcePathStyle(properties.pathStyle())
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())))
			.build();
	}

	/** Creates the bucket if it does not exist yet. */
	@EventListener(ApplicationReadyEvent.class)
	void ensureBucket() {
		try {
			this.s3.headBucket((request) -> request.bucket(this.bucket));
		}
		catch (NoSuchBucketException ex) {
			logger.info("Creating bucket {}", this.bucket);
			this.s3.createBucket((request) -> request.bucket(this.bucket));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 404) {
				throw ex;
			}
			logger.info("Creating bucket {}", this.bucket);
			this.s3.createBucket((request) -> request.bucket(this.bucket));
		}
	}

	/** Streams {@code length} bytes into the object under the key. */
	public void put(String key, InputStream content, long length, String contentType) {
		this.s3.putObject((request) -> request.bucket(this.bucket).key(key).contentType(contentType),
				RequestBody.fromInputStream(content, length));
	}

	/** The object's bytes, to be closed by the caller. */
	public ResponseInputStream<GetObjectResponse> get(String key) {
		return this.s3.getObject((request) -> request.bucket(this.bucket).key(key));
	}

	@Override
	public void destroy() {
		this.s3.close();
	}

}
