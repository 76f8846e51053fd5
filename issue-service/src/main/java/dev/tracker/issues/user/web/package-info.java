/** The HTTP adapter of users: {@code /api/users}. */
package dev.tracker.issues.user.web;
