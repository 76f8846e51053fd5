package dev.tracker.gateway.resilience;

import io.netty.channel.ChannelOption;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets the connect timeout once on the gateway's HTTP client. (Spring Cloud Gateway's own
 * {@code httpclient.connect-timeout} property makes it copy the client's whole
 * configuration on every request to apply it.)
 */
@Configuration(proxyBeanMethods = false)
class HttpClientTimeouts {

	@Bean
	HttpClientCustomizer connectTimeout(ResilienceProperties properties) {
		int millis = (int) properties.connectTimeout().toMillis();
		return (client) -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
	}

}
