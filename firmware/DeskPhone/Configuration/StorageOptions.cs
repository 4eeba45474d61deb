using System.ComponentModel.DataAnnotations;

namespace DeskPhone.Configuration;

/// <summary>Where the phone keeps its data ("Storage" section).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for messages, history, contacts and logs; created when missing.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";
}
