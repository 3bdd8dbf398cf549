package io.flightdeck.campaigns.templates;

/** Who sees a template: everyone in the workspace, or only the member who made it. */
public enum TemplateVisibility {
    WORKSPACE, PRIVATE
}
