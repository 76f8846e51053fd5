/** Markdown as HTML that is safe to put into a page. */
package dev.tracker.issues.markdown;
