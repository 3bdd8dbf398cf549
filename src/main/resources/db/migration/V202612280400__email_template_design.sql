-- The block editor's project data (GrapesJS JSON, read and written whole) for a template built with blocks, so the
-- editor reopens it losslessly; null for a template written as HTML, or whose HTML was edited after its block design
-- (the design is then rebuilt from the HTML).
alter table email_templates add column design text;
