// The email block editor's glue (templates/email/fragments/blocks-editor.html, on a template's and an email's page): starts GrapesJS with its newsletter preset,
// opens the saved design (or imports the template's HTML), locks the footer that carries the postal address and the
// unsubscribe link, adds blocks from the page's buttons (keyboard users cannot drag), puts a picked creative or library
// image in place of a placeholder block, and on save posts the design (project JSON) with the email-safe HTML the
// preset exports (CSS inlined). Kept in a file of its own so the page has no inline script.
(function () {
  'use strict';

  var FOOTER = '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
    + '<td style="padding: 24px 16px; font-family: Arial, Helvetica, sans-serif; font-size: 12px; line-height: 18px; '
    + 'color: #6b7280; text-align: center;"><p style="margin: 0 0 8px 0;">{{postal_address}}</p>'
    + '<p style="margin: 0;"><a href="{{unsubscribe_url}}" style="color: #6b7280; text-decoration: underline;">'
    + 'Unsubscribe</a> · <a href="{{preferences_url}}" style="color: #6b7280; text-decoration: underline;">'
    + 'Your email preferences</a></p></td></tr></table>';
  var PLACEHOLDER = '<table class="fd-placeholder" role="presentation" width="100%" cellpadding="0" cellspacing="0" '
    + 'border="0" style="width: 100%;"><tr><td style="padding: 24px; border: 2px dashed #9ca3af; text-align: center; '
    + 'font-family: Arial, Helvetica, sans-serif; font-size: 14px; color: #4b5563;">Placeholder: pick a creative or '
    + 'a library image to put here</td></tr></table>';
  var SOCIAL = '<table class="fd-social" role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">'
    + '<tr><td style="padding: 16px; text-align: center; font-family: Arial, Helvetica, sans-serif; font-size: 14px;">'
    + '<a href="https://www.linkedin.com/" style="color: #1d4ed8;">LinkedIn</a> · '
    + '<a href="https://x.com/" style="color: #1d4ed8;">X</a> · '
    + '<a href="https://www.instagram.com/" style="color: #1d4ed8;">Instagram</a> · '
    + '<a href="https://www.facebook.com/" style="color: #1d4ed8;">Facebook</a></td></tr></table>';
  var LOCK = { removable: false, draggable: false, copyable: false, editable: false, droppable: false,
    stylable: false, badgable: true };

  function start() {
    var form = document.getElementById('blocks-form');
    if (!form || !window.grapesjs) {
      return;
    }
    var status = document.getElementById('blocks-status');
    var say = function (text) { status.textContent = text; };
    var preset = window['grapesjs-preset-newsletter'];
    var plugin = preset && preset['default'] ? preset['default'] : preset;
    var editor = window.grapesjs.init({
      container: '#blocks-editor',
      height: '640px',
      storageManager: false,
      cssIcons: '', // the default loads Font Awesome from a CDN; the preset's panels use inline SVG icons
      plugins: [plugin],
      pluginsOpts: {},
      assetManager: { upload: false }
    });
    nameFrames(editor);
    // the preset's own image block opens an empty asset manager: library images come through the picker instead
    if (editor.Blocks.get('image')) {
      editor.Blocks.remove('image');
    }
    editor.Blocks.add('fd-social', { label: 'Social links', category: 'Flightdeck', content: SOCIAL });
    editor.Blocks.add('fd-placeholder', { label: 'Placeholder', category: 'Flightdeck', content: PLACEHOLDER });

    editor.on('load', function () {
      var design = form.getAttribute('data-design');
      if (design) {
        editor.loadProjectData(JSON.parse(design));
      } else {
        importHtml(editor, form.getAttribute('data-html') || '');
      }
      lockFooter(editor);
      nameFrames(editor);
      window.flightdeckBlocks = editor; // for the browser tests and the console
      form.setAttribute('data-ready', 'true');
    });

    document.getElementById('blocks-add').addEventListener('click', function (e) {
      var button = e.target.closest('button[data-block]');
      if (!button) {
        return;
      }
      var block = editor.Blocks.get(button.getAttribute('data-block'));
      var added = addBlock(editor, block.get('content'));
      if (added && added[0]) {
        editor.select(added[0]);
      }
      say(button.textContent.replace(/^Add /, '') + ' added.');
    });

    document.addEventListener('click', function (e) {
      var creative = e.target.closest('button[data-creative]');
      var image = e.target.closest('button[data-image]');
      if (!creative && !image) {
        return;
      }
      var base = form.getAttribute('data-picks') + '/';
      var url;
      if (creative) {
        url = base + 'creative?creativeId=' + encodeURIComponent(creative.getAttribute('data-creative'));
      } else {
        var alt = document.getElementById(image.getAttribute('data-alt-input'));
        url = base + 'image?assetId=' + encodeURIComponent(image.getAttribute('data-image'))
          + '&alt=' + encodeURIComponent(alt ? alt.value : '');
      }
      usePicked(editor, url, say);
    });

    form.addEventListener('submit', function () {
      document.getElementById('blocks-design').value = JSON.stringify(editor.getProjectData());
      document.getElementById('blocks-html').value = asDocument(editor.runCommand('gjs-get-inlined-html'));
    });
  }

  /**
   * The HTML as components: the body's content, the style elements' rules as the editor's CSS, and the body's own
   * style (its background, say) and bgcolor on the editor's wrapper, which exports them on the body again.
   */
  function importHtml(editor, html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var css = Array.prototype.map.call(doc.querySelectorAll('style'), function (s) { return s.textContent; }).join('\n');
    Array.prototype.forEach.call(doc.querySelectorAll('style, script'), function (s) { s.remove(); });
    editor.setComponents(doc.body.innerHTML);
    if (css) {
      editor.setStyle(css);
    }
    var bodyStyle = declarations(doc.body.getAttribute('style') || '');
    var bgcolor = doc.body.getAttribute('bgcolor');
    if (bgcolor && !bodyStyle['background-color'] && !bodyStyle.background) {
      bodyStyle['background-color'] = bgcolor;
    }
    if (Object.keys(bodyStyle).length) {
      editor.getWrapper().addStyle(bodyStyle);
    }
  }

  /** A style attribute as property → value; a semicolon inside parentheses (a data: image) does not end one. */
  function declarations(style) {
    var found = {};
    var declaration = /([a-zA-Z-]+)\s*:\s*((?:[^;(]|\([^)]*\))+)/g;
    var match;
    while ((match = declaration.exec(style)) !== null) {
      found[match[1].toLowerCase()] = match[2].trim();
    }
    return found;
  }

  /** Frames need a title and a language for screen readers; GrapesJS's canvas has neither. */
  function nameFrames(editor) {
    var canvas = editor.Canvas.getDocument();
    if (canvas && canvas.documentElement) {
      canvas.documentElement.setAttribute('lang', 'en');
      canvas.title = 'Email being edited';
    }
    // the panel column scrolls on its own: the keyboard must be able to reach and scroll it
    Array.prototype.forEach.call(document.querySelectorAll('#blocks-editor .gjs-pn-views-container'), function (panel) {
      panel.setAttribute('tabindex', '0');
      panel.setAttribute('role', 'region');
      panel.setAttribute('aria-label', 'Editor panels');
    });
    Array.prototype.forEach.call(document.querySelectorAll('#blocks-editor iframe'), function (frame) {
      if (!frame.getAttribute('title')) {
        frame.setAttribute('title', 'Email being edited');
      }
    });
  }

  /** The element holding the unsubscribe link (or the postal address): its table row, or its top-level block. */
  function findFooter(editor) {
    var wrapper = editor.getWrapper();
    var mark = null;
    wrapper.onAll(function (c) {
      if (!mark && (c.getAttributes().href || '').indexOf('{{unsubscribe_url}}') >= 0) {
        mark = c;
      }
    });
    if (!mark) {
      wrapper.onAll(function (c) {
        if (c !== wrapper && c.get('type') !== 'textnode' && c.toHTML().indexOf('{{postal_address}}') >= 0) {
          mark = c;
        }
      });
    }
    if (!mark) {
      return null;
    }
    var row = mark.closest('tr');
    if (row) {
      return row;
    }
    var top = mark;
    while (top.parent() && top.parent() !== wrapper) {
      top = top.parent();
    }
    return top;
  }

  function lockFooter(editor) {
    var footer = findFooter(editor);
    if (!footer) {
      footer = editor.getWrapper().append(FOOTER)[0];
    }
    footer.onAll(function (c) { c.set(LOCK); });
    footer.set('name', 'Footer (locked: postal address and unsubscribe link)');
    // removing a block around the footer would remove the footer with it
    for (var up = footer.parent(); up && up !== editor.getWrapper(); up = up.parent()) {
      up.set({ removable: false, copyable: false });
    }
    editor.flightdeckFooter = footer;
  }

  /** Into the selected open container (a column), else before the footer (as a row of its own in a table layout). */
  function addBlock(editor, content) {
    var selected = editor.getSelected();
    if (selected && selected.get('droppable') !== false && selected.get('type') === 'cell') {
      return selected.append(content);
    }
    var footer = editor.flightdeckFooter;
    if (!footer || !footer.parent()) {
      return editor.getWrapper().append(content);
    }
    if (footer.get('tagName') === 'tr') {
      // as objects: parsed from a string, a lone <tr> loses its row and cell outside a table
      var row = footer.parent().append({ type: 'row', tagName: 'tr', components: [{ type: 'cell', tagName: 'td',
        style: { padding: '8px 40px' }, components: content }] }, { at: footer.index() });
      return row[0].components().at(0).components().models;
    }
    return footer.parent().append(content, { at: footer.index() });
  }

  function placeholder(editor) {
    var selected = editor.getSelected();
    var chosen = selected && (selected.getClasses().indexOf('fd-placeholder') >= 0 ? selected
      : selected.closest('.fd-placeholder'));
    return chosen || editor.getWrapper().find('.fd-placeholder')[0] || null;
  }

  function usePicked(editor, url, say) {
    var target = placeholder(editor);
    if (!target) {
      say('Add a placeholder block first: what you pick takes its place.');
      return;
    }
    fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status === 404 ? 'it is not in this workspace any more' : 'it could not be read');
      }
      return response.text();
    }).then(function (html) {
      var parent = target.parent();
      var at = target.index();
      target.remove();
      var added = parent.append(html, { at: at });
      if (added[0]) {
        editor.select(added[0]);
      }
      say('The placeholder was replaced. Save to keep it.');
    }).catch(function (error) {
      say('Nothing was put in: ' + error.message + '.');
    });
  }

  /** The exported body as a whole email document, as the send expects one (it puts the preheader after <body>). */
  function asDocument(exported) {
    var head = '<!DOCTYPE html><html><head><meta charset="utf-8">'
      + '<meta name="viewport" content="width=device-width, initial-scale=1"><title></title></head>';
    var body = /<body[\s>]/i.test(exported) ? exported : '<body>' + exported + '</body>';
    return head + body + '</html>';
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
