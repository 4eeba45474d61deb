namespace DeskPhone.Phone.Screens;

/// <summary>
/// The display's words in Italian, the default (<c>Phone:Language</c> = <c>It</c>), with the user
/// guide's vocabulary: "Trasferimento" "con offerta" / "senza offerta", "Attesa", "Cronologia",
/// "Rubrica", "interno".
/// </summary>
internal sealed class ItalianTexts : LcdTexts
{
    // The firmware runs with InvariantGlobalization, which has no Italian culture data: the names
    // come from these tables, indexed by DayOfWeek (Sunday = 0) and by month - 1.
    private static readonly string[] Days = ["Dom", "Lun", "Mar", "Mer", "Gio", "Ven", "Sab"];
    private static readonly string[] Months = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"];

    public override string KeyAnswer => "Rispondi";

    public override string KeyReject => "Rifiuta";

    public override string KeyTake => "Rispondi";

    public override string KeyBusy => "Occupato";

    public override string KeyHold => "Att.";

    public override string KeyResume => "Riprendi";

    public override string KeyTransfer => "Tras";

    public override string KeyMute => "Muto";

    public override string KeySwap => "Alterna";

    public override string KeyEnd => "Fine";

    public override string KeyBack => "Torna";

    public override string KeySend => "Inv.";

    public override string KeyDelete => "Canc";

    public override string KeyCancel => "Annulla";

    public override string KeySelect => "Scegli";

    public override string KeyCall => "Tel.";

    public override string KeyMessage => "Msg";

    public override string KeyYes => "Sì";

    public override string KeyNo => "No";

    public override string KeyAll => "Tutte";

    public override string KeyOpen => "Apri";

    public override string KeyNew => "Crea";

    public override string KeyReply => "Rispondi";

    // "Bis" is what Italian phones call sending again (redial).
    public override string KeyRetry => "Bis";

    // From the guide's "Cronologia chiamate".
    public override string KeyRecentCalls => "Cron";

    public override string KeyPick => "Scegli";

    public override string KeyRead => "Leggi";

    public override string KeyClose => "Chiudi";

    public override string Extension(string extension) => "Int. " + extension;

    public override string Registered => "Registrato";

    public override string Registering => "Registrazione...";

    public override string RegistrationFailed(int? statusCode) => $"Reg. fallita {statusCode}";

    public override string NotRegistered => "Non registrato";

    public override string DoNotDisturbMark => "DND";

    public override string MissedCalls(int count) => count == 1 ? "1 chiamata persa" : $"{count} chiamate perse";

    public override string NewMessages(int count) => count == 1 ? "1 nuovo messaggio" : $"{count} nuovi messaggi";

    public override string VoicemailWaiting(int? newMessages) => newMessages is { } count and > 0
        ? (count == 1 ? "Segreteria: 1 nuovo" : $"Segreteria: {count} nuovi")
        : "Segreteria: nuovi";

    /// <summary>"Mar 24 nov 2026": the day capitalised as the row's first word, the month in lower case as Italian writes it.</summary>
    public override string Date(DateTimeOffset now) => $"{Days[(int)now.DayOfWeek]} {now.Day:00} {Months[now.Month - 1]} {now.Year:0000}";

    public override string UnreadCount(int count) => $"Msg {count}";

    public override string Dial => "Componi";

    public override string OnHook => "agganciato";

    public override string DialHint => "#/Invio chiama";

    public override string Calling => "Chiamata...";

    public override string Ringing => "Squilla";

    public override string IncomingCall => "Chiamata in arrivo";

    public override string Connected => "Connesso";

    public override string OnHold => "In attesa";

    public override string HeldByPeer => "Sei in attesa";

    public override string Muted => "Muto";

    public override string Consulting => "Consultazione";

    public override string ConsultMark => "Consulta";

    public override string Waiting(string who) => "Chiama: " + who;

    public override string Held(string who) => "Attesa: " + who;

    public override string TransferAttended => "Trasf. con offerta";

    public override string TransferBlind => "Trasf. senza offerta";

    public override string Transferring => "Trasferimento...";

    public override string TransferringTo(string target) => "a " + target;

    public override string CallEnded => "Chiamata terminata";

    public override string MenuTransfer => "Trasferimento";

    public override string MenuMute => "Muto";

    public override string MenuDoNotDisturb => "Non disturbare";

    public override string On => "Sì";

    public override string Off => "No";

    public override string TransferredTo(string target) => "Trasferita a " + target;

    public override string HungUpByPeer => "Ha riagganciato";

    public override string HungUp => "Riagganciato";

    public override string Missed => "Persa";

    public override string NoResponse => "Nessuna risposta";

    public override string NumberNotFound => "Numero inesistente";

    public override string NotAvailable => "Non disponibile";

    public override string Busy => "Occupato";

    public override string Cancelled => "Annullata";

    public override string NoCommonCodec => "Codec incompatibile";

    public override string Failed(int? statusCode) => $"Fallita ({statusCode})";

    public override string HoldFailed(int? statusCode) => $"Attesa fallita {statusCode}";

    public override string ResumeFailed(int? statusCode) => $"Ripresa fallita {statusCode}";

    public override string CannotTransfer => "Trasf. non possibile";

    public override string TransferFailed(int? statusCode) => $"Trasf. fallito {statusCode}";

    public override string Volume(int step, int steps) => $"Volume {new string('#', step)}{new string('-', steps - step)}";

    public override string NoAnswer => "Non risponde";

    public override string TransferFrom(string who) => "Trasferita da " + who;

    public override string NoMessages => "Nessun messaggio";

    public override string DeleteConversation => "Cancellare la chat";

    public override string DeleteConversationWith(string name) => $"con {name}?";

    public override string NewMessage => "Nuovo messaggio";

    public override string RecipientPrompt => "Per: ";

    public override string ComposeTo => "Per ";

    // "Nuovo messaggio" and the time do not fit one row; the sender's name follows on the next.
    public override string MessageArrived => "Messaggio da";

    public override string NoContacts => "Nessun contatto";

    public override string NoRecentCalls => "Nessuna chiamata";

    public override string Sending => "invio...";

    public override string Delivered => "consegnato";

    public override string Accepted => "inviato";

    // "non consegnato" is one letter too many for the header (">09:32 " takes seven columns).
    public override string NotDelivered => "fallito";

    // The guide's own words: "se l'interno non è attivo, il messaggio potrebbe non essere visualizzato".
    public override string ExtensionNotActive => "interno non attivo";

    public override string NoAnswerTimeout => "nessuna risposta";

    public override string UnknownReason => "motivo sconosciuto";

    public override string Error(int code, string? reason) => $"errore {code} {reason}".TrimEnd();

    public override string NoCalls => "Nessuna chiamata";

    public override string DeleteCall => "Cancellare chiamata?";

    public override string ClearHistory => "Svuotare cronologia?";

    public override string CallCount(int count) => count == 1 ? "1 chiamata" : $"{count} chiamate";

    public override string Placed => "Uscente";

    public override string Received => "Ricevuta";

    public override string PhonebookTitle => "Rubrica";

    public override string Find => "Cerca: ";

    public override string NoMatch => "Nessun risultato";

    public override string PhonebookUnavailable => "Rubrica illeggibile";

    public override string StorageError => "(errore di memoria)";

    public override string PhonebookReset => "Ricreata: era guasta";

    public override string LabelExtension => "Int.";

    public override string LabelMobile => "Cell.";

    public override string LabelHome => "Casa";

    public override string LabelWork => "Ufficio";
}
