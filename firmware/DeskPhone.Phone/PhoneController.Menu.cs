using DeskPhone.Hal;
using DeskPhone.Phone.Calls;
using Microsoft.Extensions.Logging;

namespace DeskPhone.Phone;

/// <summary>
/// The More menu: in a call, Transfer (blind, user guide "senza offerta") and Mute; on the idle
/// screen, Do Not Disturb. Up/Down or a digit choose, OK/Send/Select act, Back returns.
/// </summary>
public sealed partial class PhoneController
{
    private bool doNotDisturb;

    private void OpenMenu(IReadOnlyList<MenuItem> items) =>
        Publish(View with { Mode = PhoneMode.Menu, Menu = new PhoneMenu(items, 0, View.Mode) });

    private void OnMenuKey(PhoneMenu menu, PhoneKey key)
    {
        switch (key)
        {
            case PhoneKey.Up:
                Publish(View with { Menu = menu with { Selected = Math.Max(0, menu.Selected - 1) } });
                break;
            case PhoneKey.Down:
                Publish(View with { Menu = menu with { Selected = Math.Min(menu.Items.Count - 1, menu.Selected + 1) } });
                break;
            case PhoneKey.Ok or PhoneKey.Send or PhoneKey.Soft1:
                Choose(menu.Items[menu.Selected]);
                break;
            case PhoneKey.Back or PhoneKey.Soft4 or PhoneKey.More:
                CloseMenu();
                break;
            default:
                if (key.DialChar() is char digit and >= '1' and <= '9' && digit - '1' < menu.Items.Count)
                {
                    Choose(menu.Items[digit - '1']);
                }

                break;
        }
    }

    private void Choose(MenuItem item)
    {
        switch (item)
        {
            case MenuItem.Transfer:
                View = View with { Mode = PhoneMode.Connected, Menu = null };
                StartTransferEntry(TransferKind.Blind);
                break;
            case MenuItem.Mute:
                SetMuted(!muted);
                CloseMenu();
                break;
            case MenuItem.DoNotDisturb:
                doNotDisturb = !doNotDisturb;
                logger.LogInformation("Do not disturb {State}", doNotDisturb ? "on" : "off");
                View = View with { DoNotDisturb = doNotDisturb };
                CloseMenu();
                break;
        }
    }

    private void CloseMenu()
    {
        if (current is null)
        {
            GoIdle();
        }
        else
        {
            ShowCallScreen();
        }
    }
}
