import { createServer, type AddressInfo, type Socket } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string };

/** What the server does wrong on purpose; `none` behaves. */
export type SmtpFault = "none" | "reject-auth" | "reject-recipient" | "drop" | "hang";

export type FakeSmtpServer = {
  host: string;
  port: number;
  /** Every accepted message, parsed, in arrival order. */
  received: ReceivedMail[];
  /** Every password tried in AUTH, so a test can see what reached the server. */
  passwordsTried: string[];
  fault: SmtpFault;
  close: () => Promise<void>;
};

export type StartFakeSmtpServerOptions = { username: string; password: string };

/**
 * A local SMTP server standing in for a mail provider: plain text on
 * 127.0.0.1 (the tests' credentials use security "none"), AUTH PLAIN/LOGIN
 * accepting exactly one username and password. Faults: refuse every login
 * (535), refuse recipients (550), drop the connection as it opens, or
 * accept the connection and never greet (a hung server, for timeouts).
 */
export async function startFakeSmtpServer({ username, password }: StartFakeSmtpServerOptions): Promise<FakeSmtpServer> {
  const fake: FakeSmtpServer = { host: "127.0.0.1", port: 0, received: [], passwordsTried: [], fault: "none", close: async () => undefined };
  const smtp = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (auth, _session, callback) => {
      fake.passwordsTried.push(auth.password ?? "");
      const valid = fake.fault !== "reject-auth" && auth.username === username && auth.password === password;
      callback(valid ? null : Object.assign(new Error("Authentication failed"), { responseCode: 535 }), valid ? { user: username } : undefined);
    },
    onRcptTo: (_address, _session, callback) => {
      callback(fake.fault === "reject-recipient" ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : null);
    },
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          fake.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? "",
            text: (mail.text ?? "").trim(),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // Our own listener decides per connection whether the SMTP server gets it, so drop and hang happen before any greeting.
  const open = new Set<Socket>();
  const listener = createServer((socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
    if (fake.fault === "drop") socket.destroy();
    else if (fake.fault !== "hang") smtp.connect(socket);
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  fake.port = (listener.address() as AddressInfo).port;
  fake.close = async () => {
    for (const socket of open) socket.destroy();
    await new Promise<void>((resolve) => listener.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  };
  return fake;
}
