package dev.tracker.files.file.web;

import dev.tracker.files.file.FilesProperties;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * How the servlet container takes multipart uploads in: parts beyond
 * {@code tracker.files.spool-threshold} go to a temporary file, a part over
 * {@code tracker.files.max-size} is refused as soon as that many bytes have arrived, and
 * a request whose declared length is over the limit (plus room for the form around the
 * file) is refused before its body is read. Tomcat then swallows at most
 * {@code server.tomcat.max-swallow-size} of what is left and closes the connection.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

	/** Room for the part headers, boundaries and the {@code issueId} field. */
	static final DataSize FORM_OVERHEAD = DataSize.ofKilobytes(64);

	@Bean
	MultipartConfigElement multipartConfigElement(FilesProperties files) {
		long maxFileSize = files.maxSize().toBytes();
		return new MultipartConfigElement(null, maxFileSize, maxFileSize + FORM_OVERHEAD.toBytes(),
				Math.toIntExact(files.spoolThreshold().toBytes()));
	}

}
