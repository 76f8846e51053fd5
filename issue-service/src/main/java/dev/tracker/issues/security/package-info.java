/** Who calls: JWT resource-server setup and the caller as the domain sees them. */
package dev.tracker.issues.security;
