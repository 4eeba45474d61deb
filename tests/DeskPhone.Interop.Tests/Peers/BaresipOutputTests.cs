namespace DeskPhone.Interop.Tests.Peers;

public sealed class BaresipOutputTests
{
    [Fact]
    public void Reginfo_WithOkLine_IsRegistered()
    {
        var reginfo = AnsiEscapes.Strip("\n--- User Agents (1) ---\n> sip:101@127.0.0.1:5060   \u001B[32mOK \u001B[;m  Expires 3600s\n\n");

        Assert.True(BaresipOutput.IsRegistered(reginfo));
        Assert.False(BaresipOutput.IsRegistrationFailed(reginfo));
    }

    [Fact]
    public void Reginfo_WhileIdleOrFailed_IsNotRegistered()
    {
        var idle = AnsiEscapes.Strip("> sip:101@127.0.0.1:5060   \u001B[33mzzz\u001B[;m  Expires 0s\n");
        var failed = "> sip:101@127.0.0.1:5060   ERR  Expires 0s\n";

        Assert.False(BaresipOutput.IsRegistered(idle));
        Assert.False(BaresipOutput.IsRegistrationFailed(idle));
        Assert.False(BaresipOutput.IsRegistered(failed));
        Assert.True(BaresipOutput.IsRegistrationFailed(failed));
    }

    [Fact]
    public void Contacts_MarkedLine_IsTheCurrentContact()
    {
        var contacts = "\n--- Contacts (2) ---\n  contact0 <sip:x@127.0.0.1:9>\n> contact1 <sip:b@127.0.0.1:5070>\n\n";

        Assert.True(BaresipOutput.IsCurrentContact(contacts, "sip:b@127.0.0.1:5070"));
        Assert.False(BaresipOutput.IsCurrentContact(contacts, "sip:x@127.0.0.1:9"));
        Assert.False(BaresipOutput.IsCurrentContact(contacts, "sip:b@127.0.0.1:507"));
    }

    [Fact]
    public void AnsiEscapes_Strip_RemovesColourSequencesOnly()
    {
        Assert.Equal("error: x [not a sequence]", AnsiEscapes.Strip("\u001B[31merror: x\u001B[;m [not a sequence]"));
    }
}
