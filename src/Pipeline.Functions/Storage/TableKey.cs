using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Functions.Storage;

/// <summary>Encodes any string (unicode, '/', '\', '#', '?', control chars, '%', '~', lone surrogates) into a valid
/// PartitionKey/RowKey, injectively and reversibly.</summary>
/// <remarks>
/// Scheme: ASCII letters, digits, '-', '_', '.', and non-ASCII letters/digits stay as they are; every other UTF-16 code unit
/// becomes '~' plus 4 uppercase hex digits (so '~' itself is "~007E"). '~' therefore always starts an escape, which makes the
/// encoding injective and <see cref="Decode"/> its inverse.
/// Keys are limited to 1 KiB = 512 UTF-16 chars. When the encoding is longer, the result is its first part (cut on an escape
/// boundary) + "~~" + the SHA-256 (hex) of the original string's UTF-16 code units, at most 512 chars. "~~" never occurs in an
/// unhashed encoding, so hashed and unhashed keys cannot collide; two hashed keys collide only on a SHA-256 collision.
/// Hashed keys cannot be decoded: the caller must keep the full name in a property (see <see cref="IsHashed"/>).
/// Names of up to 102 chars always encode unhashed (5 chars per escaped unit), typical ASCII names up to 512.
/// </remarks>
internal static class TableKey
{
    /// <summary>The longest key the Table service accepts, in UTF-16 chars (1 KiB).</summary>
    public const int MaxLength = 512;

    private const string HashMarker = "~~";
    private const int HashHexLength = 64;

    /// <summary>Encodes <paramref name="value"/> into a valid key (≤ 512 chars; hashed-suffixed when longer, see remarks).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 8);

        // Remember where each unit's encoding ends so a long result is cut between escapes, never inside one.
        var boundaries = new List<int>(value.Length);
        foreach (var c in value)
        {
            if (IsKept(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('~').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }

            boundaries.Add(builder.Length);
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        var room = MaxLength - HashMarker.Length - HashHexLength;
        var cut = boundaries.LastOrDefault(b => b <= room);
        var hash = Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(value.AsSpan())));
        return string.Concat(builder.ToString(0, cut), HashMarker, hash);
    }

    /// <summary>Reverses <see cref="Encode"/>; throws for hashed keys (read the full name from where the caller stored it) and malformed input.</summary>
    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsHashed(key))
        {
            throw new ArgumentException("The key was shortened with a hash and cannot be decoded; read the full name from the entity's property.", nameof(key));
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c != '~')
            {
                if (!IsKept(c))
                {
                    throw new FormatException($"Character U+{(int)c:X4} at {i} cannot occur in an encoded key.");
                }

                builder.Append(c);
                continue;
            }

            if (i + 5 > key.Length)
            {
                throw new FormatException($"Truncated escape at {i}.");
            }

            var hex = key.AsSpan(i + 1, 4);
            if (!IsUpperHex(hex) || !ushort.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit) || IsKept((char)unit))
            {
                throw new FormatException($"Invalid escape at {i}.");
            }

            builder.Append((char)unit);
            i += 4;
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="key"/> was shortened with a hash (its original must be stored elsewhere).</summary>
    public static bool IsHashed(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Contains(HashMarker, StringComparison.Ordinal);
    }

    private static bool IsKept(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'
        || (c > 0x7F && !char.IsSurrogate(c) && char.IsLetterOrDigit(c));

    private static bool IsUpperHex(ReadOnlySpan<char> hex)
    {
        foreach (var c in hex)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'A' and <= 'F')))
            {
                return false;
            }
        }

        return true;
    }
}
