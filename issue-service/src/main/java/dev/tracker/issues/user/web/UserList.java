package dev.tracker.issues.user.web;

import java.util.List;

/**
 * The users a search found.
 *
 * @param items the users, at most as many as asked for
 */
record UserList(List<UserView> items) {
}
