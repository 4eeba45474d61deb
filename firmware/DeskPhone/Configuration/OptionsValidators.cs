using DeskPhone.Phone;
using DeskPhone.Phone.Messages;
using Microsoft.Extensions.Options;

namespace DeskPhone.Configuration;

// The options validation source generator writes each Validate method from the data annotations
// ([Required], [Range], [RegularExpression]) at compile time, so validation needs no reflection
// and survives Native AOT trimming (Validator.TryValidateObject does not).

[OptionsValidator]
internal sealed partial class AccountOptionsValidator : IValidateOptions<AccountOptions>;

[OptionsValidator]
internal sealed partial class SipOptionsValidator : IValidateOptions<SipOptions>;

[OptionsValidator]
internal sealed partial class RtpOptionsValidator : IValidateOptions<RtpOptions>;

[OptionsValidator]
internal sealed partial class HandsetAudioOptionsValidator : IValidateOptions<HandsetAudioOptions>;

[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;

[OptionsValidator]
internal sealed partial class PhoneOptionsValidator : IValidateOptions<PhoneOptions>;

[OptionsValidator]
internal sealed partial class MessagesOptionsValidator : IValidateOptions<MessagesOptions>;
