package dev.tracker.issues.issue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules of the issue domain that an installation may tune ({@code tracker.issues.*}).
 *
 * @param commentEditWindow how long after writing a comment its author may still edit or
 * delete it
 */
@ConfigurationProperties("tracker.issues")
public record IssueSettings(@DefaultValue("15m") Duration commentEditWindow) {
}
