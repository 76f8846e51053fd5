/** JWT resource-server setup. */
package dev.tracker.files.security;
