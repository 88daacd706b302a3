/* A small Word (.docx, Office Open XML) writer for the forms' exports: headings,
   paragraphs and simple tables, nothing more. A .docx is a zip (lib/zip.js) of
   [Content_Types].xml, the package relations, word/document.xml and word/styles.xml.
   The built-in style names (Title, Heading1…) let Word show the headings in its
   navigation pane. Text is escaped, so pasted markup stays text. */
import { zip } from "./zip.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function escapeXml(text) {
  return String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "") // not allowed in XML 1.0
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/* A run of text; line breaks in the text become <w:br/>. */
function runs(text, { bold = false, italic = false } = {}) {
  const props = bold || italic ? `<w:rPr>${bold ? "<w:b/>" : ""}${italic ? "<w:i/>" : ""}</w:rPr>` : "";
  return String(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => `${i ? "<w:r><w:br/></w:r>" : ""}<w:r>${props}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join("");
}

function paragraph(text, { style, bold, italic } = {}) {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : "";
  return `<w:p>${props}${runs(text, { bold, italic })}</w:p>`;
}

function cell(text, { header = false, width }) {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${paragraph(text, { bold: header })}</w:tc>`;
}

/* rows[0] is the header row. The page is A4 with 2 cm margins: 9638 twips of text width. */
function table(rows) {
  const width = Math.floor(9638 / rows[0].length);
  const border = '<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    + '<w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    + '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    + '<w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    + '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
    + '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>';
  const grid = rows[0].map(() => `<w:gridCol w:w="${width}"/>`).join("");
  const body = rows
    .map((row, r) => `<w:tr>${r === 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${row.map((text) => cell(text, { header: r === 0, width })).join("")}</w:tr>`)
    .join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="${width * rows[0].length}" w:type="dxa"/><w:tblBorders>${border}</w:tblBorders>`
    + `<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>`
    + `<w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>${paragraph("")}`;
}

/* blocks: [{heading: text, level: 0-3} | {text, bold?, italic?} | {table: [[header…], [cell…]…]}] */
export function documentXml(blocks) {
  const body = blocks
    .map((block) => {
      if (block.table) return table(block.table);
      if ("heading" in block) return paragraph(block.heading, { style: block.level ? `Heading${block.level}` : "Title" });
      return paragraph(block.text, block);
    })
    .join("");
  const section = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    + '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}${section}</w:body></w:document>`;
}

function stylesXml(lang) {
  const heading = (id, name, size, before) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>`
    + `<w:pPr><w:keepNext/><w:spacing w:before="${before}" w:after="80"/>${id.startsWith("Heading") ? `<w:outlineLvl w:val="${Number(id.slice(7)) - 1}"/>` : ""}</w:pPr>`
    + `<w:rPr><w:b/><w:sz w:val="${size}"/></w:rPr></w:style>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W}>`
    + `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="${lang}"/></w:rPr></w:rPrDefault>`
    + '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    + '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + heading("Title", "Title", 36, 0)
    + heading("Heading1", "heading 1", 30, 360)
    + heading("Heading2", "heading 2", 26, 240)
    + heading("Heading3", "heading 3", 22, 200)
    + "</w:styles>";
}

/* The .docx file's bytes. lang: the document's language, e.g. "fi-FI" or "sv-FI". */
export function docx(blocks, { title = "", lang = "fi-FI" } = {}) {
  const contentTypes = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    + '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + "</Types>";
  const rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + "</Relationships>";
  const documentRels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    + "</Relationships>";
  const core = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    + 'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    + 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${escapeXml(title)}</dc:title><dc:language>${escapeXml(lang)}</dc:language>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().slice(0, 19)}Z</dcterms:created>`
    + "</cp:coreProperties>";
  return zip([
    { name: "[Content_Types].xml", data: contentTypes },
    { name: "_rels/.rels", data: rels },
    { name: "word/document.xml", data: documentXml(blocks) },
    { name: "word/_rels/document.xml.rels", data: documentRels },
    { name: "word/styles.xml", data: stylesXml(lang) },
    { name: "docProps/core.xml", data: core },
  ]);
}
