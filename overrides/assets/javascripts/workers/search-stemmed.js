/* Material's search worker, searching by base form (lemma) with exact words first.
 *
 * What Material does alone: it turns every typed word into a prefix query
 * ("palaute*"), lunr skips the stemmer for such words, and every word that starts
 * with the prefix scores alike. So "palaute" ranked recovery pages (palautuminen)
 * first, and an inflected word ("palautteen") missed its base word.
 *
 * What the build adds (tools/search_terms.py, called by tools/postbuild.py):
 * - two hidden fields per search entry, base_title and base_text, holding the base
 *   forms of its title and text (Voikko for Finnish, hunspell for Swedish), Finnish
 *   compounds with their parts;
 * - config.base_forms, a small table that maps a typed word to its base form:
 *   endings learned from the site's words plus the few words they get wrong.
 *
 * What this worker does with them:
 * - While the index is built, tokens of the base-form fields skip lunr's trimmer,
 *   stop-word filter and stemmer (they are already base forms), and the trimmer of
 *   the title and text keeps digits, so "360" is indexed at all.
 * - Each typed word becomes clauses of different weight:
 *     its base form, exactly, in the base-form fields          weight EXACT
 *     (no base form known: its Snowball stem, exactly, in the title and text)
 *     a compound's parts, by their base forms, in the base-form fields
 *                                                              weight EXACT / 2
 *     its Snowball stem as a prefix in the title and text     weight PREFIX
 *     the typed word as a prefix of a base form                weight PREFIX
 *   EXACT is so much larger than PREFIX that any exact match outranks any prefix
 *   match, even a prefix match in a title (title fields weigh 1000 times the text);
 *   prefix matches still find a word while it is being typed.
 *
 * Why not a table of every inflected form: 7,500 Finnish forms are 58 KB gzip; the
 * endings and exceptions are about 10 KB and also cover forms the site does not use.
 * The lookup below is the same as lemmatize() in tools/search_terms.py, which builds
 * the table so that every word form on the site gets Voikko's base form.
 *
 * Each language has an index of its own (tools/postbuild.py). The worker lives beside
 * Material's, because Material loads its language files relative to this folder;
 * tools/postbuild.py points each page at this file with ?material=<Material's worker>.
 */
/* global lunr, importScripts */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2;             // Material's SearchMessageType
  var EXACT = 1;
  var PREFIX = 1e-6;
  var TITLE_MATCH = 3;
  var BASE_FIELDS = ["base_title", "base_text"];
  var MIN_HEAD = 3, MIN_TAIL = 4;     // shortest parts of a compound (työ|ote, etä|työ)
  var MIN_LONE_TAIL = 6;              // shortest last part taken without its first part
  var TEXT_FIELDS = ["title", "text"];
  var LANGUAGES = ["fi", "sv"];
  // Forms the Snowball stemmers leave apart from their base word, as
  // [ending of the stem, replacement]: Swedish definite -et (samtalet -> samtal),
  // Swedish final -s (responsen -> respons, indexed as respon), Finnish -us/-uks-
  // words (harjoitukseen -> harjoituks -> harjoitus). Used for the prefix clauses.
  var EXTRA_FORMS = { sv: [["et", ""], ["s", ""]], fi: [["ks", "s"]] };
  // A typed word: Material makes each a prefix ("word*"); lunr's parser then splits
  // a hyphenated one on the separator, so "360-arviointi*" arrives as "360" and
  // "arviointi*".
  var TYPED_TERM = /^([^*?~^:+\-]+)\*?$/;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

  var table = { rules: {}, forms: {} };
  var searchIndex = null;
  var titleBases = {};                  // search entry -> base forms of its title
  var titleTexts = {};                  // search entry -> its title's words, lower case
  var WORD_BREAK = /[^\p{L}\p{N}]+/u;

  // Registered before Material's own listener, so the table is here before the
  // index is built. Material passes config through to the worker unchanged.
  // A query: a colon would make lunr read the word before it as a field name and
  // Material then drops that word, so "Roolipeli: huolen ottaminen puheeksi" lost
  // "roolipeli". Readers type colons only as punctuation (titles have them).
  self.addEventListener("message", function (event) {
    var data = event.data;
    if (data && data.type === SETUP && data.data && data.data.config) {
      table = data.data.config.base_forms || { rules: {}, forms: {} };
    }
    if (data && data.type === QUERY && typeof data.data === "string") {
      data.data = data.data.replace(/:/g, " ");
    }
  });

  // Material's worker, named in this script's own address (?material=…). From a
  // folder (file://) Material runs workers in an iframe (the iframe-worker shim):
  // there self.location is the page's address, this script's is document.currentScript,
  // and importScripts is the shim's, which loads by <script> tags and returns a promise.
  // So resolve the name against this script and add the rest once it has loaded.
  var here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var loading = importScripts(new URL(new URL(here).searchParams.get("material"), here).href);
  if (loading && typeof loading.then === "function") loading.then(extend);
  else extend();

  function extend() {
    var has = Object.prototype.hasOwnProperty;

    function loadedLanguage() {
      for (var i = 0; i < LANGUAGES.length; i++) {
        if (lunr[LANGUAGES[i]] && lunr[LANGUAGES[i]].stemmer) return LANGUAGES[i];
      }
      return null;
    }

    function stem(lang, word) {
      return lunr[lang].stemmer(new lunr.Token(word)).toString();
    }

    function stems(lang, word) {
      var forms = [stem(lang, word)];
      (EXTRA_FORMS[lang] || []).forEach(function (rule) {
        var ending = rule[0];
        [word, forms[0]].forEach(function (form) {
          if (form.length > ending.length + 3 && form.slice(-ending.length) === ending) {
            forms.push(stem(lang, form.slice(0, -ending.length) + rule[1]));
          }
        });
      });
      return forms.filter(function (form, index) { return form && forms.indexOf(form) === index; });
    }

    /* ---------------------------------------------------------------- indexing */

    function keepDigitsTrimmer(token) {
      return token.update(function (s) { return s.replace(EDGES, ""); });
    }

    function prepare(builder) {
      builder.kvPrepared = true;
      var tokenize = builder.tokenizer;
      builder.tokenizer = function (input, metadata) {
        var tokens = tokenize(input, metadata);
        if (metadata && metadata.fields && BASE_FIELDS.indexOf(metadata.fields[0]) >= 0) {
          tokens.forEach(function (token) { token.metadata.kvBase = true; });
        }
        return tokens;
      };
      builder.pipeline._stack = builder.pipeline._stack.map(function (fn) {
        var step = /^trimmer/.test(fn.label || "") ? keepDigitsTrimmer : fn;
        return function (token, i, tokens) {
          return token.metadata.kvBase ? token : step(token, i, tokens);
        };
      });
    }

    var builderAdd = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (!this.kvPrepared) prepare(this);
      var title = (doc.base_title || "").split(" ").filter(Boolean);
      titleBases[doc.location] = title.filter(function (base, i) { return title.indexOf(base) === i; });
      titleTexts[doc.location] = titleText(doc.title);
      return builderAdd.call(this, doc, attributes);
    };

    var builderBuild = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      searchIndex = builderBuild.call(this);
      return searchIndex;
    };

    /* ---------------------------------------------------------------- base forms */

    function inVocabulary(index, term) {
      var posting = index.invertedIndex[term];
      if (!posting) return false;
      for (var i = 0; i < BASE_FIELDS.length; i++) {
        var docs = posting[BASE_FIELDS[i]];
        if (docs) for (var ref in docs) return true;   // eslint-disable-line no-unused-vars
      }
      return false;
    }

    // The same lookup as lemmatize() in tools/search_terms.py: keep the two alike.
    function baseForms(index, word) {
      if (has.call(table.forms, word)) return table.forms[word];
      if (inVocabulary(index, word)) return [word];
      var best = null, bestCount = 0;
      for (var i = 1; i <= word.length; i++) {
        var ending = word.slice(i);
        var rules = has.call(table.rules, ending) ? table.rules[ending] : [];
        for (var r = 0; r < rules.length; r++) {
          var candidate = word.slice(0, i) + rules[r][0];
          if (rules[r][1] > bestCount && inVocabulary(index, candidate)) {
            best = candidate;
            bestCount = rules[r][1];
          }
        }
      }
      return best ? [best] : [];
    }

    // The base forms of a compound's two parts (kuunteluharjoitus -> kuuntelu,
    // harjoitus), found by trying each split; for a compound the site does not use,
    // failing that, of its last part, which names the thing (itsearvio -> arvio).
    function compoundParts(index, word, lastPartAlone) {
      var i, head, tail;
      for (i = word.length - MIN_TAIL; i >= MIN_HEAD; i--) {
        head = baseForms(index, word.slice(0, i));
        tail = head.length ? baseForms(index, word.slice(i)) : [];
        if (tail.length) return head.concat(tail);
      }
      // A lone last part must be longer: short endings of words are words too
      // (Swedish "itu" in harjoitus).
      for (i = MIN_HEAD; lastPartAlone && i <= word.length - MIN_LONE_TAIL; i++) {
        tail = baseForms(index, word.slice(i)).filter(function (base) { return base.length >= MIN_LONE_TAIL; });
        if (tail.length) return tail;
      }
      return [];
    }

    function hasBaseFields(index) {
      return index && index.fields.indexOf(BASE_FIELDS[1]) >= 0;
    }

    /* ---------------------------------------------------------------- queries */

    var addClause = lunr.Query.prototype.clause;

    function typedWord(clause) {
      var match = typeof clause.term === "string" && !clause.editDistance && TYPED_TERM.exec(clause.term);
      return match ? match[1].toLowerCase().replace(EDGES, "") : "";
    }

    // The clauses for one typed word (see the top of this file).
    function expand(index, query, clause, lang) {
      var word = typedWord(clause);
      if (!word || clause.presence !== lunr.Query.presence.OPTIONAL) {
        return addClause.call(query, clause);
      }
      var none = lunr.Query.wildcard.NONE, trailing = lunr.Query.wildcard.TRAILING;
      var bases = baseForms(index, word);
      bases.forEach(function (base) {
        addClause.call(query, { term: base, fields: BASE_FIELDS, boost: EXACT, usePipeline: false, wildcard: none });
      });
      if (!bases.length) {
        addClause.call(query, { term: word, fields: TEXT_FIELDS, boost: EXACT, usePipeline: true, wildcard: none });
      }
      compoundParts(index, bases[0] || word, !bases.length).forEach(function (base) {
        if (bases.indexOf(base) < 0) {
          addClause.call(query, { term: base, fields: BASE_FIELDS, boost: EXACT / 2, usePipeline: false, wildcard: none });
        }
      });
      stems(lang, word).forEach(function (form) {
        addClause.call(query, { term: form, fields: TEXT_FIELDS, boost: PREFIX, usePipeline: false, wildcard: trailing });
      });
      addClause.call(query, { term: word, fields: BASE_FIELDS, boost: PREFIX, usePipeline: false, wildcard: trailing });
    }

    var indexSearch = lunr.Index.prototype.search;
    lunr.Index.prototype.search = function (queryString) {
      var index = this;
      var lang = loadedLanguage();
      if (!lang || !hasBaseFields(index)) return indexSearch.call(this, queryString);
      var results = this.query(function (query) {
        var typed = new lunr.Query(index.fields);
        typed.kvTyped = true;
        new lunr.QueryParser(queryString, typed).parse();
        typed.clauses.forEach(function (clause) { expand(index, query, clause, lang); });
      });
      return rankWholeTitles(results, queryBases(index, queryString), queryText(index, queryString));
    };

    // The typed words as one string, the way titleText() writes a title. Each word
    // once: Material's query repeats a hyphenated word ("360-graders* 360-graders*").
    function queryText(index, queryString) {
      var typed = new lunr.Query(index.fields);
      typed.kvTyped = true;
      new lunr.QueryParser(queryString, typed).parse();
      return once(typed.clauses.map(typedWord)).join(" ");
    }

    function titleText(title) {
      return once(String(title || "").replace(/<[^>]*>/g, " ").toLowerCase().split(WORD_BREAK)).join(" ");
    }

    function once(words) {
      return words.filter(function (word, i) { return word && words.indexOf(word) === i; });
    }

    // The base forms a query looks for exactly: its words' and their compound parts'.
    function queryBases(index, queryString) {
      var typed = new lunr.Query(index.fields);
      typed.kvTyped = true;
      new lunr.QueryParser(queryString, typed).parse();
      var out = [];
      typed.clauses.forEach(function (clause) {
        var word = typedWord(clause);
        if (!word) return;
        var bases = baseForms(index, word);   // words with none (stop words) are in no title
        out.push.apply(out, bases);
        out.push.apply(out, compoundParts(index, bases[0] || word, !bases.length));
      });
      return out;
    }

    // A title that is the query, no more and no less, comes first: the score grows
    // with the overlap of the title's base forms and the query's (Jaccard), so the
    // exercise "Palautteen pyytäminen" outranks the lesson "Palautteen pyytäminen
    // esihenkilöltä ja työtovereilta" for the query "palautteen pyytäminen"; a title
    // typed word for word counts double. Exact and prefix matches stay apart (a
    // factor of at most 1 + 2 * TITLE_MATCH against 1 / PREFIX).
    function rankWholeTitles(results, bases, text) {
      if (!bases.length) return results;
      var wanted = {};
      bases.forEach(function (base) { wanted[base] = true; });
      var size = Object.keys(wanted).length;
      results.forEach(function (result) {
        var title = titleBases[result.ref];
        if (!title || !title.length) return;
        var common = 0;
        title.forEach(function (base) { if (wanted[base]) common += 1; });
        var closeness = titleTexts[result.ref] === text ? 2 : common / (title.length + size - common);
        result.score *= 1 + TITLE_MATCH * closeness;
      });
      return results.sort(function (a, b) { return b.score - a.score; });
    }

    // Every other query (Material's own analysis of which words matched, used to
    // rank and to mark missing words; or an index without base forms) gets each
    // prefix word as the term the index holds: its base form or its stem.
    lunr.Query.prototype.clause = function (clause) {
      var lang = loadedLanguage();
      var word = typedWord(clause);
      if (this.kvTyped || !lang || !word) return addClause.call(this, clause);
      if (hasBaseFields(searchIndex)) {
        var base = baseForms(searchIndex, word)[0];
        return addClause.call(this, Object.assign({}, clause, { term: (base || stem(lang, word)) + "*" }));
      }
      var forms = stems(lang, word);
      var required = clause.presence === lunr.Query.presence.REQUIRED;
      var query = this;
      // A required word keeps one clause; an optional one may match any of its forms.
      (required ? forms.slice(0, 1) : forms).forEach(function (form) {
        addClause.call(query, Object.assign({}, clause, { term: form + "*" }));
      });
      return this;
    };
  }
})();
