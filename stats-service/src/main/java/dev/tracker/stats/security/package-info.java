/** JWT resource-server setup. */
package dev.tracker.stats.security;
