"""SMS through a Twilio phone number: Twilio's Messaging webhook in, TwiML out.

POST /webhooks/sms/webhook (form-encoded From, Body, MessageSid, ...) -> application/xml TwiML.
The answer goes back in the webhook response (<Response><Message>...</Message></Response>);
this channel never calls Twilio's REST API.

- Every request must carry a valid X-Twilio-Signature, computed by Twilio over the PUBLIC
  webhook URL (`webhook_url`, not `request.url`, which is wrong behind a proxy) and the form
  parameters. Missing or wrong signature: HTTP 403, and nothing reaches a conversation.
- The patient's phone number is never stored or logged: the conversation id is
  "sms-" + HMAC-SHA256(sender_secret, From). From and Body are never logged at INFO.
- STOP / START / HELP keywords (and "stop texting me") are answered here, without the bot;
  after an opt-out, one confirmation and then nothing until START.
- Opt-outs, pending choices and rate-limit buckets are kept in the tracker store's database
  (storage/sms_state.py), keyed by the hashed sender: every replica and a restart see them.
- Over the per-conversation rate limit (channels/rate_limit.py, keyed by the hashed id),
  a message does not reach the bot; the sender gets a polite "too fast" text.
- Buttons become "Reply 1 for <title>, 2 for <title>."; a reply of just "1" is mapped back to
  that button's payload. Buttons that are not intents (tel: links...) are dropped: the number
  is already in the text on this channel.
- Replies are GSM-7 only (curly quotes, dashes, ellipsis... replaced) and cut at sentence or
  word boundaries into <Message> bodies of at most 2 SMS segments (`split.MAX_MESSAGE_SEPTETS`).

The output channel is named `sms`, so domain responses with `channel: sms` apply.

One concern per module: `gsm` (the alphabet, septets), `plain_text` (markdown out), `menus`
(numbered choices), `split` (message bodies), `keywords` (STOP/START/HELP), `state`
(in-memory opt-outs and choices), `ids` (hashed sender ids), `channel` (the Rasa input and
output channels), registered in credentials.yml as `channels.sms.channel.SmsInput`. Importing
the package imports none of them.
"""
