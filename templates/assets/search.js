/*
 * Pressroom search: reads the static index that `pressroom build` writes under /{lang}/search/ and
 * shows results on the search page. Plain JavaScript, no build step. The tokenizer must give the same
 * answers as org.pressroom.search.Tokenizer; the shared test vectors check that both sides agree.
 * Results are built with DOM APIs only: no text from the index is ever parsed as HTML.
 */
(function () {
  'use strict';

  // ---- tokenizer (mirrors Tokenizer.java) ----

  var OTHER = 0, HANGUL = 1, LETTER = 2, DIGIT = 3, MARK = 4;
  var PREFIX_MIN = 3;
  var IS_DIGIT = /^\p{Nd}$/u, IS_LETTER = /^\p{L}$/u, IS_MARK = /^\p{M}$/u;

  function kind(ch) {
    var cp = ch.codePointAt(0);
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
        (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF)) {
      return HANGUL;
    }
    if (IS_DIGIT.test(ch)) { return DIGIT; }
    if (IS_LETTER.test(ch)) { return LETTER; }
    if (IS_MARK.test(ch)) { return MARK; }
    return OTHER;
  }

  function runs(text) {
    var chars = Array.from(String(text).normalize('NFC'));
    var out = [];
    var run = '';
    var runKind = OTHER;
    function flush() {
      if (runKind !== OTHER && run.length > 0) {
        out.push({ kind: runKind, text: runKind === LETTER ? run.toLowerCase() : run });
      }
      run = '';
    }
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      var k = kind(ch);
      if (k === MARK) { k = runKind === LETTER ? LETTER : OTHER; }
      if ((ch === '\'' || ch === '\u2019') && runKind === LETTER && i + 1 < chars.length &&
          kind(chars[i + 1]) === LETTER) {
        continue;
      }
      if (k !== runKind) {
        flush();
        runKind = k;
      }
      if (k !== OTHER) { run += ch; }
    }
    flush();
    return out;
  }

  function bigrams(word) {
    var out = [];
    for (var i = 0; i + 2 <= word.length; i++) {
      var g = word.substring(i, i + 2);
      if (out.indexOf(g) < 0) { out.push(g); }
    }
    return out;
  }

  /** The index tokens of a text, in order (repeats kept). */
  function tokens(text) {
    var out = [];
    runs(text).forEach(function (r) {
      out.push(r.text);
      if (r.kind === HANGUL && r.text.length >= 3) { out.push.apply(out, bigrams(r.text)); }
    });
    return out;
  }

  /** The terms of a query: {text, prefix, grams, kind}, first occurrences only. */
  function terms(query) {
    var out = [];
    var seen = {};
    runs(query).forEach(function (r) {
      var t = r.text;
      if (Object.prototype.hasOwnProperty.call(seen, t)) { return; }
      seen[t] = true;
      var term;
      if (r.kind === HANGUL) {
        term = t.length === 1 ? { text: t, prefix: true, grams: [t] } : { text: t, prefix: false, grams: bigrams(t) };
      } else if (r.kind === LETTER) {
        term = { text: t, prefix: t.length >= PREFIX_MIN, grams: [t] };
      } else {
        term = { text: t, prefix: false, grams: [t] };
      }
      term.kind = r.kind;
      out.push(term);
    });
    return out;
  }

  // ---- postings (mirrors Postings.java) ----

  /** A query loads at most this many shards (about 20 kB each), so that it stays within its budget. */
  var MAX_SHARDS = 7;

  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  function decode(text) {
    var out = [];
    var previous = -1, value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGITS.indexOf(text.charAt(i));
      if (d < 0) { throw new Error('bad posting digit'); }
      value += (d & 31) * Math.pow(2, shift);
      shift += 5;
      if ((d & 32) === 0) {
        previous = previous + value + 1;
        out.push(previous);
        value = 0;
        shift = 0;
      }
    }
    return out;
  }

  // ---- the index, loaded on demand ----

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }

  function Index(url) {
    this.base = url.replace(/index\.json$/, '');
    this.url = url;
    this.manifest = null;
    this.cache = {};
  }

  Index.prototype.load = function (path) {
    if (!this.cache[path]) {
      var self = this;
      this.cache[path] = getJson(this.base + path).catch(function (e) {
        delete self.cache[path];
        throw e;
      });
    }
    return this.cache[path];
  };

  Index.prototype.open = function () {
    var self = this;
    if (this.manifest) { return Promise.resolve(this.manifest); }
    return getJson(this.url).then(function (m) {
      self.manifest = m;
      return m;
    });
  };

  /** The position of the shard that holds `token`: the last whose first token is not after it. */
  Index.prototype.shardOf = function (token) {
    var shards = this.manifest.shards;
    var lo = 0, hi = shards.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (shards[mid][0] <= token) { lo = mid; } else { hi = mid - 1; }
    }
    return lo;
  };

  /**
   * Chooses the shards a query loads: the grams in turn (each term's first gram, then each term's
   * second, …) while the query stays within MAX_SHARDS shards. A prefix whose shards do not fit is
   * looked up as an exact token instead; a gram that does not fit at all is skipped, which can only
   * add results (a long Hangul word is then matched by some of its bigrams). Returns, per term, per
   * gram: [from, to] shard positions, or null when skipped.
   */
  Index.prototype.plan = function (list) {
    var self = this;
    var chosen = {}, used = 0;
    var plan = list.map(function (term) { return term.grams.map(function () { return null; }); });
    function take(from, to) {
      var extra = 0;
      for (var i = from; i <= to; i++) { if (!chosen[i]) { extra++; } }
      if (used + extra > MAX_SHARDS) { return false; }
      for (var j = from; j <= to; j++) { if (!chosen[j]) { chosen[j] = true; used++; } }
      return true;
    }
    var longest = Math.max.apply(null, list.map(function (term) { return term.grams.length; }).concat([0]));
    for (var g = 0; g < longest; g++) {
      list.forEach(function (term, t) {
        if (g >= term.grams.length) { return; }
        var gram = term.grams[g], at = self.shardOf(gram);
        var to = term.prefix ? self.shardOf(gram + '\uffff') : at;
        if (take(at, to)) {
          plan[t][g] = [at, to];
        } else if (to > at && take(at, at)) {
          plan[t][g] = [at, at];
        }
      });
    }
    return plan;
  };

  /** Flags per document: {title, any} for a token (or, with prefix, every token starting with it). */
  Index.prototype.gram = function (gram, prefix, range) {
    var count = this.manifest.count;
    var from = range[0], to = range[1];
    prefix = prefix && this.shardOf(gram + '\uffff') === to; // else narrowed to an exact lookup
    var loads = [];
    for (var i = from; i <= to; i++) { loads.push(this.load('s/' + this.manifest.shards[i][1] + '.json')); }
    return Promise.all(loads).then(function (shards) {
      var title = new Uint8Array(count), any = new Uint8Array(count);
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (token) {
          if (token === gram || (prefix && token.lastIndexOf(gram, 0) === 0)) {
            decode(shard[token][0]).forEach(function (n) { title[n] = 1; any[n] = 1; });
            decode(shard[token][1]).forEach(function (n) { any[n] = 1; });
          }
        });
      });
      return { title: title, any: any };
    });
  };

  Index.prototype.facet = function (group, key) {
    var name = this.manifest[group] && Object.prototype.hasOwnProperty.call(this.manifest[group], key)
      ? this.manifest[group][key] : null;
    var count = this.manifest.count;
    var flags = new Uint8Array(count);
    if (!name) { return Promise.resolve(flags); }
    return this.load('f/' + name + '.json').then(function (text) {
      decode(text).forEach(function (n) { flags[n] = 1; });
      return flags;
    });
  };

  /** The matching document numbers, best first: more terms found in the title first, then newest first. */
  Index.prototype.search = function (query, filters) {
    var self = this;
    return this.open().then(function (m) {
      var list = terms(query);
      if (query && list.length === 0) { return { terms: [], docs: [] }; }
      var plan = self.plan(list);
      var jobs = list.map(function (term, t) {
        return Promise.all(term.grams.map(function (g, i) {
          return plan[t][i] ? self.gram(g, term.prefix, plan[t][i]) : Promise.resolve(null);
        }));
      });
      var facets = [];
      if (filters.topic) { facets.push(self.facet('topics', filters.topic)); }
      if (filters.type) { facets.push(self.facet('types', filters.type)); }
      return Promise.all([Promise.all(jobs), Promise.all(facets)]).then(function (loaded) {
        var perTerm = loaded[0], sets = loaded[1];
        var range = [0, m.count - 1];
        if (filters.year) {
          range = Object.prototype.hasOwnProperty.call(m.years, filters.year) ? m.years[filters.year] : [1, 0];
        }
        var hits = [];
        for (var n = range[1]; n >= range[0]; n--) {
          var ok = true, inTitle = 0;
          for (var f = 0; f < sets.length && ok; f++) { ok = sets[f][n] === 1; }
          for (var t = 0; t < list.length && ok; t++) {
            var grams = perTerm[t], all = true, title = true, looked = 0;
            for (var i = 0; i < grams.length; i++) {
              if (grams[i] === null) { continue; }
              looked++;
              all = all && grams[i].any[n] === 1;
              title = title && grams[i].title[n] === 1;
            }
            ok = all;
            if (title && looked > 0) { inTitle++; }
          }
          if (ok) { hits.push({ n: n, title: inTitle }); }
        }
        hits.sort(function (a, b) { return b.title - a.title || b.n - a.n; });
        return { terms: list, docs: hits.map(function (h) { return h.n; }) };
      });
    });
  };

  /** Document `n`: an item of the file that holds `docsPerFile` documents from a multiple of that number. */
  Index.prototype.doc = function (n) {
    var per = this.manifest.docsPerFile;
    return this.load('d/' + Math.floor(n / per) + '.json').then(function (docs) { return docs[n % per]; });
  };

  // ---- highlighting ----

  function kindAt(text, i) {
    return i >= 0 && i < text.length ? kind(text.charAt(i)) : OTHER;
  }

  /** Where the terms occur in `text`: sorted, merged [start, end) ranges. */
  function ranges(text, list) {
    var folded = text.toLowerCase();
    if (folded.length !== text.length) { folded = text; }
    var found = [];
    list.forEach(function (term) {
      var needle = term.text;
      var from = 0, at;
      while (needle.length > 0 && (at = folded.indexOf(needle, from)) >= 0) {
        var end = at + needle.length;
        var ok = true;
        if (term.kind !== HANGUL) {
          ok = kindAt(folded, at - 1) !== term.kind;
          if (ok && !term.prefix) { ok = kindAt(folded, end) !== term.kind; }
          if (ok && term.prefix) {
            while (kindAt(folded, end) === term.kind) { end++; }
          }
        }
        if (ok) { found.push([at, end]); }
        from = at + needle.length;
      }
    });
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) { last[1] = Math.max(last[1], r[1]); } else { merged.push([r[0], r[1]]); }
    });
    return merged;
  }

  /** Appends `text` to `parent`, the given ranges wrapped in <mark>. */
  function appendMarked(parent, text, marks) {
    var at = 0;
    marks.forEach(function (r) {
      if (r[0] > at) { parent.appendChild(document.createTextNode(text.substring(at, r[0]))); }
      var mark = document.createElement('mark');
      mark.textContent = text.substring(r[0], r[1]);
      parent.appendChild(mark);
      at = r[1];
    });
    if (at < text.length) { parent.appendChild(document.createTextNode(text.substring(at))); }
  }

  /** The snippet of a document: its summary if a term is in it, else the body around the first term. */
  function snippet(doc, list) {
    var summary = doc.summary || '';
    var inSummary = ranges(summary, list);
    if (inSummary.length > 0 || !doc.text) { return { text: summary, marks: inSummary }; }
    var text = doc.text;
    var inText = ranges(text, list);
    if (inText.length === 0) { return { text: summary, marks: [] }; }
    var start = Math.max(0, inText[0][0] - 60);
    if (start > 0) {
      var space = text.indexOf(' ', start);
      if (space >= 0 && space < inText[0][0]) { start = space + 1; }
    }
    var end = Math.min(text.length, start + 220);
    if (end < text.length) {
      var back = text.lastIndexOf(' ', end);
      if (back > inText[0][1]) { end = back; }
    }
    var prefix = start > 0 ? '… ' : '';
    var suffix = end < text.length ? ' …' : '';
    var shift = prefix.length - start;
    var marks = [];
    inText.forEach(function (r) {
      if (r[0] >= start && r[1] <= end) { marks.push([r[0] + shift, r[1] + shift]); }
    });
    return { text: prefix + text.substring(start, end) + suffix, marks: marks };
  }

  // ---- the page ----

  var PAGE = 10;

  function Page(form) {
    this.form = form;
    this.data = form.dataset;
    this.index = new Index(form.dataset.index);
    this.status = document.getElementById('search-status');
    this.section = document.getElementById('search-results');
    this.list = document.getElementById('search-list');
    this.more = document.getElementById('search-more');
    this.generation = 0;
    this.result = null;
    this.shown = 0;
  }

  var FIELDS = ['q', 'topic', 'type', 'year'];

  Page.prototype.fromUrl = function () {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    var form = this.form;
    FIELDS.forEach(function (name) {
      state[name] = (params.get(name) || '').trim();
      var field = form.elements[name];
      if (!field) { return; }
      if (field.tagName === 'SELECT') {
        var known = Array.prototype.some.call(field.options, function (o) { return o.value === state[name]; });
        field.value = known ? state[name] : '';
      } else {
        field.value = state[name];
      }
    });
    return state;
  };

  Page.prototype.fromForm = function () {
    var form = this.form;
    var state = {};
    FIELDS.forEach(function (name) { state[name] = form.elements[name] ? form.elements[name].value.trim() : ''; });
    return state;
  };

  function urlOf(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (state[name]) { params.set(name, state[name]); } });
    var query = params.toString();
    return window.location.pathname + (query ? '?' + query : '');
  }

  /** Puts `text` in the live region; while `busy`, screen readers wait for the final text. */
  Page.prototype.say = function (text, busy) {
    this.status.setAttribute('aria-busy', busy ? 'true' : 'false');
    this.status.textContent = text;
  };

  Page.prototype.run = function (state) {
    var self = this;
    var generation = ++this.generation;
    this.list.textContent = '';
    this.more.hidden = true;
    this.section.hidden = true;
    this.result = null;
    this.shown = 0;
    if (!state.q && !state.topic && !state.type && !state.year) {
      this.say(this.data.prompt);
      return Promise.resolve();
    }
    this.say(this.data.loading, true);
    return this.index.search(state.q, state).then(function (result) {
      if (generation !== self.generation) { return; }
      self.result = result;
      var n = result.docs.length;
      if (n === 0) {
        self.say(state.q ? self.data.none.replace('{q}', state.q) : self.data.noneFiltered);
        return;
      }
      self.section.hidden = false;
      return self.showMore(false).then(function () {
        if (generation !== self.generation) { return; }
        self.say((n === 1 ? self.data.countOne : self.data.count).replace('{n}', n.toLocaleString(self.data.locale)));
      });
    }).catch(function () {
      if (generation === self.generation) { self.say(self.data.error); }
    });
  };

  /** Shows the next page of results; with `focus`, moves the focus to the first one added. */
  Page.prototype.showMore = function (focus) {
    var self = this;
    var generation = this.generation;
    var result = this.result;
    var next = result.docs.slice(this.shown, this.shown + PAGE);
    this.more.hidden = true;
    return Promise.all(next.map(function (n) { return self.index.doc(n); })).then(function (docs) {
      if (generation !== self.generation) { return; }
      var first = null;
      docs.forEach(function (doc) {
        var item = self.item(doc, result.terms);
        self.list.appendChild(item);
        if (!first) { first = item.querySelector('a'); }
      });
      self.shown += docs.length;
      self.more.hidden = self.shown >= result.docs.length;
      if (focus && first) { first.focus(); }
    });
  };

  Page.prototype.item = function (doc, list) {
    var li = document.createElement('li');
    li.className = 'release-item search-result';
    var meta = document.createElement('p');
    meta.className = 'item-meta';
    var time = document.createElement('time');
    time.dateTime = doc.date;
    time.textContent = doc.dateText;
    meta.appendChild(time);
    var type = document.createElement('span');
    type.className = 'item-type';
    type.textContent = doc.typeLabel;
    meta.appendChild(type);
    if (doc.number) {
      var number = document.createElement('span');
      number.className = 'item-number';
      number.textContent = doc.number;
      meta.appendChild(number);
    }
    li.appendChild(meta);
    var h = document.createElement('h3');
    h.className = 'item-title';
    var a = document.createElement('a');
    a.href = this.index.base.replace(/search\/$/, '') + 'releases/' + encodeURIComponent(doc.id) + '/';
    appendMarked(a, doc.title, ranges(doc.title, list));
    h.appendChild(a);
    li.appendChild(h);
    var s = snippet(doc, list);
    if (s.text) {
      var p = document.createElement('p');
      p.className = 'item-summary';
      appendMarked(p, s.text, s.marks);
      li.appendChild(p);
    }
    return li;
  };

  Page.prototype.start = function () {
    var self = this;
    this.form.addEventListener('submit', function (e) {
      e.preventDefault();
      var state = self.fromForm();
      var url = urlOf(state);
      if (url === window.location.pathname + window.location.search) {
        window.history.replaceState(null, '', url);
      } else {
        window.history.pushState(null, '', url);
      }
      self.run(state);
    });
    this.more.addEventListener('click', function () { self.showMore(true); });
    window.addEventListener('popstate', function () { self.run(self.fromUrl()); });
    return this.run(this.fromUrl());
  };

  window.PressroomSearch = { tokens: tokens, terms: terms, decode: decode, Index: Index };

  var form = document.getElementById('search-form');
  if (form && form.dataset.index) {
    var page = new Page(form);
    page.started = page.start();
    window.PressroomSearch.page = page;
  }
})();
