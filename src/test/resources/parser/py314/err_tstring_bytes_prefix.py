x = tb'a'
