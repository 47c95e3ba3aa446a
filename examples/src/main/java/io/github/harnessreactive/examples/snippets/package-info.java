/**
 * The code of every Java snippet in the project's READMEs, compiled with the rest of the examples
 * so a snippet cannot drift from the API. A region starts at a {@code // snippet: <name>} line and
 * ends at {@code // end-snippet}; a README shows it after a {@code <!-- snippet: <name> -->} line.
 * {@code ReadmeSnippetsTest} fails when a README's block differs from its region (run it with
 * {@code -Dsnippets.update=true} to rewrite the READMEs from these files). The methods are never
 * run: their parameters stand for what the surrounding text of the README has already built.
 */
package io.github.harnessreactive.examples.snippets;
