package org.slmhub.smoke;

/**
 * The answer to the chat turn of a smoke run.
 *
 * @param text            the answer as generated, without the template around it
 * @param tokenCount      tokens generated, see {@link SmokeOutcome#tokenCount()}
 * @param stoppedByItself the model ended its turn (an end-of-generation token) before the limit:
 *                        a sign that its template and end tokens fit together
 */
public record ChatAnswer(String text, int tokenCount, boolean stoppedByItself) {
}
