namespace DeskPhone.Interop.Tests.Lab;

/// <summary>
/// One lab PBX shared by every test class marked <c>[Collection(KamailioFixture.Name)]</c>
/// (they then run one after another). A class that wants its own PBX uses
/// <c>IClassFixture&lt;KamailioLab&gt;</c> instead.
/// </summary>
[CollectionDefinition(Name)]
public sealed class KamailioFixture : ICollectionFixture<KamailioLab>
{
    public const string Name = "Kamailio lab";
}
