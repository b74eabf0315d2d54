// A SIP media application's Lambda handler in plain Node.js, served over HTTP for chime-mock's
// server mode: each POST is an event, the JSON answer is the handler's response. No npm
// packages. Prints the port it listens on, then serves until killed.
"use strict";
const http = require("http");

const SALES = "+12065550177";

async function handler(event) {
  const kind = event.InvocationEventType;
  const details = event.CallDetails;
  const legs = details.Participants;
  const attributes = details.TransactionAttributes || {};
  let actions = [];
  if (kind === "NEW_INBOUND_CALL") {
    attributes.caller = legs[0].From;
    actions = [
      {
        Type: "SpeakAndGetDigits",
        Parameters: {
          CallId: legs[0].CallId,
          SpeechParameters: { Text: "Press 1 for sales" },
          FailureSpeechParameters: { Text: "Sorry" },
          MinNumberOfDigits: 1,
          MaxNumberOfDigits: 1,
          RepeatDurationInMilliseconds: "5000",
        },
      },
    ];
  } else if (kind === "ACTION_SUCCESSFUL" && event.ActionData.Type === "SpeakAndGetDigits") {
    attributes.choice = event.ActionData.ReceivedDigits;
    actions = [
      {
        Type: "CallAndBridge",
        Parameters: {
          CallerIdNumber: legs[0].From,
          Endpoints: [{ BridgeEndpointType: "PSTN", Uri: SALES }],
        },
      },
    ];
  } else if (kind === "HANGUP" && legs.length > 1) {
    const other = legs.find((leg) => leg.Status === "Connected");
    actions = [{ Type: "Hangup", Parameters: { CallId: other.CallId } }];
  }
  return { SchemaVersion: "1.0", Actions: actions, TransactionAttributes: attributes };
}

const server = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", async () => {
    const answer = await handler(JSON.parse(body));
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify(answer));
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
