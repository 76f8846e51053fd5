/** JWT resource-server setup for the reactive stack. */
package dev.tracker.notifications.security;
