"""Finding personal contact data in text: e-mail addresses, phone numbers, mailto:/tel: links.

A case names the office to ask and its public website, never a person's address or phone
number (GDPR; published data cannot be taken back). The patterns aim at what people really
write, in German and international forms, and leave alone years, date ranges, ISO dates,
postcodes, SDG numbers and amounts of money. Every repetition is bounded or anchored at
the start of a run, so a long text without spaces cannot make the search slow.
"""

from __future__ import annotations

import re

_AT = r"(?:@|\s?[(\[{]\s?at\s?[)\]}]\s?)"  # also "(at)" / "[at]", written against harvesters
_DOT = r"(?:\.|\s?[(\[{]\s?dot\s?[)\]}]\s?)"
_NUMBER = r"\d[\d ()/-]{0,24}\d"  # digits with the separators of phone numbers; no dots
_CONTACT = re.compile(
    r"(?P<link>\b(?:mailto|tel|callto|sms):[^\s()<>\[\]\"']{0,199}[^\s()<>\[\]\"'.,;:!?])"
    rf"|(?P<email>(?<![\w.+-])[\w.+-]{{1,64}}{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[^\W\d_]{{2,}})"
    # starts like a phone number: +49 …, 0049 …, (0221) …, 0221 …, not inside another number
    rf"|(?P<phone>(?<![\w+./-])(?:\+|\(?0){_NUMBER})"
    # after a word that announces a number: "Tel. 12 34 56", "Telefon: +49 …", "Fax 123456"
    rf"|(?P<announced>\b(?:tel|telefon|fon|fax|mobil|handy)\b\.?:?\s{{0,3}}\+?{_NUMBER})",
    re.IGNORECASE,
)
# Fewer digits than this are a postcode, a year or a council document number, not a phone.
MIN_DIGITS = {"phone": 9, "announced": 5}
MAX_DIGITS = 15  # E.164


def _is_contact(match: re.Match[str]) -> bool:
    if match.lastgroup not in MIN_DIGITS:
        return True
    digits = sum(ch.isdigit() for ch in match.group())
    return MIN_DIGITS[match.lastgroup] <= digits <= MAX_DIGITS


def find_contact_data(text: str) -> list[str]:
    """The e-mail addresses, phone numbers and mailto:/tel: links in `text`, as written."""
    return [match.group() for match in _CONTACT.finditer(text) if _is_contact(match)]
