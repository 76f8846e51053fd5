/** The HTTP adapter of issues: {@code /api/issues}. */
package dev.tracker.issues.issue.web;
