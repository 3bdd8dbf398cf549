package io.flightdeck.content.generation;

/**
 * The port every feature that writes text goes through: captions, hashtags, scripts, headlines, calls to action,
 * email copy, repurposed posts. The bean other modules get writes with the workspace's chosen provider (the built-in
 * generator unless an admin configured an LLM), keeps to the channel's limits, records usage and refuses when the
 * workspace's monthly token budget is spent.
 *
 * @throws GenerationFailedException when a provider could not answer usefully; nothing was saved
 */
public interface ContentGenerator {

    GeneratedText generate(GenerationRequest request);
}
