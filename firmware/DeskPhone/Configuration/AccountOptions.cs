using System.ComponentModel.DataAnnotations;

namespace DeskPhone.Configuration;

/// <summary>The SIP account ("Account" section).</summary>
public sealed class AccountOptions
{
    public const string Section = "Account";

    /// <summary>The phone's extension, the user part of its address of record (e.g. "101").</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9._+\-]+$", ErrorMessage = "must be a SIP user name (letters, digits, . _ + -)")]
    public string Extension { get; set; } = string.Empty;

    [Required]
    public string Password { get; set; } = string.Empty;

    /// <summary>Digest user name when the PBX wants one different from the extension.</summary>
    public string? AuthUser { get; set; }

    /// <summary>Shown to the people we call.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The SIP domain; the registrar's host when empty.</summary>
    public string? Domain { get; set; }
}
