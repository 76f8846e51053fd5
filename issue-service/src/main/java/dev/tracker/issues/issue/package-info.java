/** Issues: the aggregate, its repository and its rules. */
package dev.tracker.issues.issue;
