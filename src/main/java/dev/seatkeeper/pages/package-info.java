/**
 * The two web pages every link of the service points to (contract, "Web pages"): the claim page of an invitation and
 * the customer portal. They are plain HTML, CSS and JavaScript files (src/main/resources/pages) served as they are,
 * which call the public JSON API from the browser like any other client: no second path to the database, no
 * server-side rendering of user data, nothing to build.
 *
 * <p>May depend on platform only.
 */
package dev.seatkeeper.pages;
