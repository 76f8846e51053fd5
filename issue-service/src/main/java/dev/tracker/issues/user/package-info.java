/**
 * The people of the realm as Keycloak knows them: looking them up, searching them and
 * changing their one tracker role through Keycloak's admin API.
 */
package dev.tracker.issues.user;
