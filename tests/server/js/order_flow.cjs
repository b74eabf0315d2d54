// The order flow through the AWS SDK for JavaScript v3, against the URL in argv[2].
// Prints one JSON object of what the SDK returned; the Python test judges it.
const {
  ChimeSDKVoiceClient,
  CreatePhoneNumberOrderCommand,
  GetPhoneNumberOrderCommand,
  ListPhoneNumberOrdersCommand,
  GetPhoneNumberCommand,
  NotFoundException,
} = require("@aws-sdk/client-chime-sdk-voice");

async function main(endpoint) {
  const client = new ChimeSDKVoiceClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "fake-secret" },
    maxAttempts: 1,
  });
  const created = [];
  for (const number of ["+12065550100", "+12065550101", "+12065550102"]) {
    const answer = await client.send(
      new CreatePhoneNumberOrderCommand({
        ProductType: "VoiceConnector",
        E164PhoneNumbers: [number],
      }),
    );
    created.push(answer.PhoneNumberOrder);
  }
  const got = await client.send(
    new GetPhoneNumberOrderCommand({ PhoneNumberOrderId: created[0].PhoneNumberOrderId }),
  );
  const pages = [];
  let NextToken;
  do {
    const page = await client.send(new ListPhoneNumberOrdersCommand({ MaxResults: 2, NextToken }));
    pages.push(page.PhoneNumberOrders.map((order) => order.PhoneNumberOrderId));
    NextToken = page.NextToken;
  } while (NextToken);
  const number = await client.send(new GetPhoneNumberCommand({ PhoneNumberId: "+12065550100" }));
  let notFound = null;
  try {
    await client.send(new GetPhoneNumberCommand({ PhoneNumberId: "+12065550199" }));
  } catch (error) {
    notFound = {
      name: error.name,
      isNotFoundException: error instanceof NotFoundException,
      httpStatusCode: error.$metadata.httpStatusCode,
      message: error.message,
    };
  }
  return {
    created,
    createdTimestampIsDate: created[0].CreatedTimestamp instanceof Date,
    got: got.PhoneNumberOrder,
    pages,
    number: number.PhoneNumber,
    notFound,
  };
}

main(process.argv[2]).then(
  (result) => console.log(JSON.stringify(result)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
