"""Phone numbers, the domain both services share: orders and porting orders, each account's
inventory and the numbers' lifecycle on the clock, search, product types and countries.

`facts` says what a number is (read from phonenumbers); `orders` and `inventory` change what an
account holds; `carrier` is the phone network's side, across every account (who holds each
number, what it refuses, what waits for the clock).
"""
