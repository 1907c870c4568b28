"""The IMAP adapter: connecting, and reading an account into a snapshot.

imapclient opens the connection and does the small talk; the one large
response (every message of a folder) is read by a lean parser of our own.
"""
