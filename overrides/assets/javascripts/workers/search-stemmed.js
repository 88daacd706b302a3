/* Material's search worker, with query words stemmed the way the index is.
 *
 * Material turns every typed word into a prefix query ("palautteen*") and lunr
 * skips the stemmer for such words, so an inflected word never reaches its base
 * form in the index ("palaut"). Here each prefix word is first stemmed with the
 * same Snowball stemmer that built the index (Finnish or Swedish: each language
 * has an index of its own, see tools/postbuild.py), so "palautteen" finds
 * "palaute" and "samtalet" finds "samtal". The worker lives beside Material's,
 * because Material loads its language files relative to this folder.
 *
 * tools/postbuild.py points each page at this file with ?material=<Material's worker>.
 */
/* global lunr, importScripts */
importScripts(new URL(self.location.href).searchParams.get("material"));

(function () {
  "use strict";

  var LANGUAGES = ["fi", "sv"];
  // Forms the Snowball stemmers leave apart from their base word, as
  // [ending of the stem, replacement]: Swedish definite -et (samtalet -> samtal),
  // Swedish final -s (responsen -> respons, indexed as respon), Finnish -us/-uks-
  // words (harjoitukseen -> harjoituks -> harjoitus).
  var EXTRA_FORMS = { sv: [["et", ""], ["s", ""]], fi: [["ks", "s"]] };
  var PREFIX_TERM = /^([^*?~^:+\-]{2,})\*$/;

  function loadedLanguage() {
    for (var i = 0; i < LANGUAGES.length; i++) {
      if (lunr[LANGUAGES[i]] && lunr[LANGUAGES[i]].stemmer) return LANGUAGES[i];
    }
    return null;
  }

  function stem(lang, word) {
    return lunr[lang].stemmer(new lunr.Token(word)).toString();
  }

  function alternatives(lang, word) {
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

  var addClause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (clause) {
    var lang = loadedLanguage();
    var match = typeof clause.term === "string" && PREFIX_TERM.exec(clause.term);
    if (!lang || !match) return addClause.call(this, clause);
    var forms = alternatives(lang, match[1].toLowerCase());
    var required = clause.presence === lunr.Query.presence.REQUIRED;
    var query = this;
    // A required word keeps one clause; an optional one may match any of its forms.
    (required ? forms.slice(0, 1) : forms).forEach(function (form) {
      addClause.call(query, Object.assign({}, clause, { term: form + "*" }));
    });
    return this;
  };
})();
