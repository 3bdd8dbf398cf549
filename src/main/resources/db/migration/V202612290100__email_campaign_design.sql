-- An email campaign's own block design (GrapesJS JSON, read and written whole), as email_templates.design is for a
-- template: null for an email written as HTML, or whose HTML was edited after its block design.
alter table email_campaigns add column design text;
