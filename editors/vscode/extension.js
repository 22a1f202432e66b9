// Starts `caresq-logic lsp` for .beleid files (docs/editor.md). Highlighting needs none of this:
// it comes from syntaxes/beleid.tmLanguage.json alone.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("caresq.server");
  const command = settings.get("command");
  if (!command) {
    return;
  }
  const server = { command, args: ["lsp", "--taal", settings.get("taal")] };
  client = new LanguageClient("caresq-logic", "caresq-logic", server, {
    documentSelector: [{ scheme: "file", language: "beleid" }],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
