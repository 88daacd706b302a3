/* A calendar file (iCalendar, RFC 5545) for one session: one VEVENT in floating
   local time (no time zone: the session is at 09:00 wherever the calendar is, which
   is what a trainer means), text escaped, lines ending in CRLF and folded at 75
   octets without splitting a character. */

/* Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, line breaks. */
export function escapeText(text) {
  return String(text)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/* Folds a content line to lines of at most 75 octets (RFC 5545 3.1): each following
   line starts with one space, which counts in its 75. */
export function foldLine(line) {
  const encoder = new TextEncoder();
  const parts = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = parts.length ? 74 : 75;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function stamp(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
}

function local(day, minutes) {
  const date = new Date(`${day}T00:00:00`);
  date.setMinutes(minutes);
  const two = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}T${two(date.getHours())}${two(date.getMinutes())}00`;
}

/* event: {title, date: "2026-12-03", start: minutes since midnight, minutes, description, uid?}
   now: the time stamp (DTSTAMP), a Date. */
export function calendarFile(event, now = new Date()) {
  const uid = event.uid || `${stamp(now)}-${Math.random().toString(36).slice(2, 10)}@kohti-valmentavaa`;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Kohti valmentavaa toimintakulttuuria//Planner//FI",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${local(event.date, event.start)}`,
    `DTEND:${local(event.date, event.start + event.minutes)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.description || "")}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
