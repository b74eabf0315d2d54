"""The PSTN audio service: what happens on a call to or from a SIP media application.

A call is a transaction with one or two legs; the service invokes the application's Lambda with
telephony events and carries out the actions the Lambda returns. The modules, one job each:

- records.py: the call, its legs and its transcript, as plain records.
- events.py: one builder per event type, from the call's state.
- parameters.py, actions.py and outcomes.py: the action types as a table (parameter checks)
  and what each does when it runs.
- responses.py: reading a Lambda's response (schema, actions, TransactionAttributes).
- lambdas.py: the Lambda as an interface (a Python callable; the server adds an HTTP URL).
- delivery.py: one invocation (the retry, fail-over, the invocation cap, invalid responses).
- running.py and engine.py: the protocol's rules and the switchboard that starts and steers
  calls, synchronously and on the mock's clock.

The behaviour AWS does not publish is chosen in docs/behaviour.md ("Calls (the PSTN audio
simulator)").
"""
